export interface HttpFacts {
  httpStatus?: number;
  errorCode?: string;
  innerErrorCode?: string;
}

const REASONS: Readonly<Record<string, number>> = {
  badrequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notfound: 404,
  conflict: 409,
  toomanyrequests: 429,
};

// Every wrapper's way of saying the status: "Status=403", "StatusCode=403", "Status: 403 (Forbidden)",
// "RESPONSE 403", "status code 403", "\"statusCode\": 403", "returned error status: 403".
// The word boundary sits inside the alternatives: JSON's "statusCode" opens with a quote, where \b never holds.
const STATUS_NUMBER = /(?:\bStatus(?:Code)?[=:]\s?|\bRESPONSE |\bstatus code |"statusCode":\s?|\berror status: )(\d{3})\b/i;
// "Status Code: 'Forbidden'", "invalid status code 'Forbidden'", az's "(Forbidden) message".
const STATUS_REASON = /(?:status code:? '|^\()(BadRequest|Unauthorized|Forbidden|NotFound|Conflict|TooManyRequests)['\)]/im;
const ERROR_CODE = /(?:"code"\s?:\s?"|\bCode="|^Code: |ERROR CODE: |^\()([A-Za-z][A-Za-z0-9]{1,60})/m;
const INNER_CODE = /(?:"inner_?error"\s?:\s?\{\s{0,40}"code"\s?:\s?"|\bInnerError=\{"code":"|Inner error: \{\s{0,40}"code": ")([A-Za-z][A-Za-z0-9]{1,60})/i;

export function extractHttp(text: string): HttpFacts {
  const out: HttpFacts = {};
  const number = STATUS_NUMBER.exec(text)?.[1];
  const reason = STATUS_REASON.exec(text)?.[1];
  if (number) out.httpStatus = Number(number);
  else if (reason) out.httpStatus = REASONS[reason.toLowerCase()];
  const code = ERROR_CODE.exec(text)?.[1];
  if (code) out.errorCode = code;
  const inner = INNER_CODE.exec(text)?.[1];
  if (inner) out.innerErrorCode = inner;
  return out;
}
