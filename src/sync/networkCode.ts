/**
 * The network code (y-webrtc with simple-peer, a third of a phone's JavaScript),
 * loaded once per page. The join screen asks for it together with the live room's
 * code, so that the two arrive in parallel instead of one after the other: a late
 * phone otherwise waited for the room's code, then for this, before it could link.
 */
import type * as YWebrtc from 'y-webrtc';
import { retryImport } from '../lib/retryImport';

let loading: Promise<typeof YWebrtc> | null = null;

export function loadNetworkCode(): Promise<typeof YWebrtc> {
  return (loading ??= retryImport(() => import('y-webrtc')));
}
