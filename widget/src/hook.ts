/**
 * The tiny global hook the launcher exposes as `window.__trulybot` and the panel script uses.
 * Types only (erased at build time).
 */
export interface LauncherConfig {
  /** "/apps/trulybot" (Shopify app proxy) or "/wp-json/trulybot/v1" (WooCommerce plugin), no trailing slash */
  proxyBase: string;
  locale: string;
  accent: string;
  position: "left" | "right";
  greeting: string;
  name: string;
  /** optional launcher label (data-label); the store's config launcherLabel wins */
  label: string;
  panelSrc: string;
  proactive: boolean;
  /** WordPress REST nonce (data-wp-nonce) for logged-in shoppers: sent as X-WP-Nonce so WordPress knows the customer */
  wpNonce?: string;
}

export interface PanelApi {
  open(opts?: { focus?: boolean }): void;
  close(): void;
  isOpen(): boolean;
  /** proactive: show the greeting teaser next to the launcher without opening */
  tease(): void;
}

export interface TrulybotHook {
  version: 1;
  config: LauncherConfig;
  host: HTMLElement;
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  /** loads the panel script if needed and opens the chat */
  open(): void;
  /** called by the panel script once loaded */
  register(panel: PanelApi): void;
  panel: PanelApi | null;
}

declare global {
  interface Window {
    __trulybot?: TrulybotHook;
    /** alternative to the script tag's data attributes (same keys as the dataset: proxyBase, panelSrc, locale, …) */
    TrulyBotSettings?: Record<string, string | undefined>;
  }
}
