/** Files that folders and archives contribute: pipeline logs are .log or .txt, API dumps .json. */
const LOG_EXTENSION = /\.(?:log|txt|json)$/i;
const ZIP_EXTENSION = /\.zip$/i;

export function isLogName(name: string): boolean {
  return LOG_EXTENSION.test(name);
}

export function isZipName(name: string): boolean {
  return ZIP_EXTENSION.test(name);
}
