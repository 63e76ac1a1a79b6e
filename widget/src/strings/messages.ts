/**
 * The widget's messages: the `widget` section of app/i18n/messages/<lang>.json (ICU MessageFormat, like
 * every other user-facing text; ADR 0018, 0032), parsed into the AST that app/i18n/render-ast.ts renders;
 * text-only messages stay plain strings.
 *
 * In the browser bundle this module is replaced by its own result: widget/build.mjs runs this very module
 * at build time and inlines WIDGET_MESSAGES, so the panel ships no ICU parser and no server catalogue.
 * Under Node (tests, tools) it runs as written.
 */
import { compactSection, precompileSection, type CompactSection } from "../../../app/i18n/precompile";

export const WIDGET_MESSAGES: CompactSection = compactSection(precompileSection("widget"));
