/**
 * Room ids and keys: 128 random bits each from the platform's CSPRNG, in
 * base64url so they fit a URL fragment and a QR code.
 */
export const ROOM_TOKEN_BYTES = 16; // 128 bits

export function randomToken(bytes = ROOM_TOKEN_BYTES): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  let binary = '';
  for (const byte of buffer) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function createRoomCredentials(): { room: string; key: string } {
  return { room: randomToken(), key: randomToken() };
}
