/**
 * Webhook URLs may carry `user:password@` and the providers echo them back: the console never shows
 * them. The masked form keeps the shape so a person can tell that credentials are there.
 */
export const MASKED_CREDENTIALS = "****:****";

export function maskUrlCredentials(url: string): string {
  return url.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i,
    (_, scheme: string, userinfo: string) =>
      userinfo.includes(":") ? `${scheme}${MASKED_CREDENTIALS}@` : `${scheme}****@`,
  );
}

/** True when `candidate` is what the console showed for `original`, i.e. the user left it as it was. */
export function isUnchangedMaskedUrl(candidate: string, original: string): boolean {
  return candidate !== original && maskUrlCredentials(original) === candidate;
}
