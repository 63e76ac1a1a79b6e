/**
 * Personal data masking for transcripts shown to merchants, as the widget shows it:
 * emails keep the first and last letter of the local part ("alice@example.com" → "a***e@example.com"),
 * phone numbers keep their last two digits ("+1 555 123 4567" → "***67"). Order numbers (short
 * digit runs such as #1003) are left alone.
 */
const EMAIL_RE = /([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
// 7+ digits, optionally with one leading +, spaces, dots, dashes and parentheses between them
const PHONE_RE = /\+?\(?\d(?:[\s().-]*\d){6,}/g;
// 2026-11-02, 02.11.2026, 11/02/2026: dates are not phone numbers
const DATE_RE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

export function maskEmailAddress(local: string, domain: string): string {
  const m = local.length <= 2 ? `${local[0]}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${m.toLowerCase()}@${domain.toLowerCase()}`;
}

export function maskPersonalData(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .replace(EMAIL_RE, (_m, local: string, domain: string) => maskEmailAddress(local, domain))
    .replace(PHONE_RE, (m) => {
      if (DATE_RE.test(m.trim())) return m;
      const digits = m.replace(/\D/g, "");
      return `***${digits.slice(-2)}`;
    });
}
