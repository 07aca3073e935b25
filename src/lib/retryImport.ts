/**
 * Code that loads later (a phone's card list, the role-play, the content) may
 * be asked for while the laptop's server is restarting or the Wi-Fi drops: the
 * import is tried again until it comes, instead of leaving a blank page.
 */
const ATTEMPTS = 40;
const DELAY_MS = 1_500;

export async function retryImport<T>(load: () => Promise<T>, delayMs = DELAY_MS): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((done) => setTimeout(done, delayMs));
    }
  }
}
