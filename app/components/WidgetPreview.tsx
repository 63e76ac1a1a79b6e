/**
 * Live preview of the storefront widget with the merchant's unsaved settings: the same 56 px round
 * launcher and chat icon as widget/src/launcher.ts, on the chosen side, and the greeting as the
 * panel's first bot message. Colours come from the widget's own palette() so the contrast matches
 * what shoppers will see.
 */
import { Text } from "@shopify/polaris";
import { DARK_SURFACE, LIGHT_SURFACE, palette, parseHex, toHex } from "../../widget/src/color";

export interface WidgetPreviewProps {
  name: string;
  greeting: string;
  accentColor: string;
  position: "left" | "right";
  launcherLabel: string;
}

export function WidgetPreview({ name, greeting, accentColor, position, launcherLabel }: WidgetPreviewProps) {
  const p = palette(accentColor, LIGHT_SURFACE, DARK_SURFACE);
  const side = position === "left" ? { left: 16 } : { right: 16 };
  return (
    <figure aria-label="Preview of the chat widget on your storefront" style={{ margin: 0 }}>
      <div
        data-testid="widget-preview"
        data-accent={p.bg}
        data-position={position}
        style={{
          position: "relative",
          height: 380,
          borderRadius: 12,
          overflow: "hidden",
          background: "repeating-linear-gradient(180deg,#fafafa 0 56px,#f3f3f3 56px 58px)",
          border: "1px solid #e3e3e3",
        }}
      >
        <div
          style={{
            position: "absolute",
            bottom: 88,
            ...side,
            width: "min(280px, calc(100% - 32px))",
            background: "#fff",
            borderRadius: 12,
            boxShadow: "0 4px 20px rgba(0,0,0,.15)",
            overflow: "hidden",
            fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
          }}
        >
          <div style={{ background: p.bg, color: p.fg, padding: "10px 14px", fontWeight: 600, fontSize: 15 }}>
            {name || "TrulyBot"}
          </div>
          <div style={{ padding: 12 }}>
            <div
              style={{
                background: LIGHT_SURFACE,
                color: "#111",
                borderRadius: "12px 12px 12px 4px",
                padding: "8px 12px",
                fontSize: 14,
                lineHeight: 1.4,
              }}
            >
              {greeting || " "}
            </div>
            <div style={{ marginTop: 8, display: "flex", justifyContent: "flex-end" }}>
              <span
                style={{
                  background: p.bg,
                  color: p.fg,
                  borderRadius: "12px 12px 4px 12px",
                  padding: "8px 12px",
                  fontSize: 14,
                }}
              >
                Where is my order?
              </span>
            </div>
          </div>
        </div>
        <div
          role="presentation"
          title={launcherLabel}
          style={{
            position: "absolute",
            bottom: 20,
            ...side,
            width: 56,
            height: 56,
            borderRadius: "50%",
            background: p.bg,
            color: p.fg,
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            boxShadow: "0 2px 10px rgba(0,0,0,.2)",
          }}
        >
          <svg
            viewBox="0 0 24 24"
            width={26}
            aria-hidden="true"
            focusable="false"
            style={{ fill: "currentColor" }}
          >
            <path d="M4 4h16a2 2 0 012 2v10a2 2 0 01-2 2H9l-5 4v-4a2 2 0 01-2-2V6a2 2 0 012-2z" />
          </svg>
        </div>
      </div>
      <figcaption>
        <Text as="p" variant="bodySm" tone="subdued">
          {parseHex(accentColor)
            ? `Launcher on the ${position} · screen readers announce “${launcherLabel}” · text on your colour uses ${p.fg === "#ffffff" ? "white" : "near-black"}${p.bg !== toHex(parseHex(accentColor)!) ? ` (colour adjusted to ${p.bg} for readable contrast)` : ""}`
            : "Enter a hex colour such as #1a73e8 to preview it."}
        </Text>
      </figcaption>
    </figure>
  );
}
