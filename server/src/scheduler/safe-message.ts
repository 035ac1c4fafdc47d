const MAX_LENGTH = 500;

/**
 * Long runs of digits, as in mobile numbers (11 digits), 公民身份号码 (17
 * digits and a check character) and bank cards. Ids of ours are UUIDs or
 * element ids and hardly ever hold such a run.
 */
const LONG_NUMBER = /\d{11,}[\dXx]?/g;

/**
 * The text of an error as it may be stored in an incident, logged and shown
 * to administrators. Connectors must not put personal data in their error
 * messages; as a second line of defence, long numbers are masked and the
 * text is cut short.
 */
export function safeMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const masked = text.replace(LONG_NUMBER, '***');
  return masked.length > MAX_LENGTH ? `${masked.slice(0, MAX_LENGTH - 1)}…` : masked;
}
