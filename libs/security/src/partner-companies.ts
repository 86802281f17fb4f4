/**
 * Whether a property company exists, for issuing a partner key. libs/security knows no context:
 * the context that keeps the companies registers the check when it is part of the host. A host
 * without such a context (an app of the cluster that is not the property company's) cannot tell,
 * and issues keys as before.
 */
export type CompanyExists = (companyId: string) => Promise<boolean>;

export class PartnerCompanies {
  private check: CompanyExists | null = null;
  private readonly revocationListeners: Array<(keyId: string) => Promise<void>> = [];

  register(check: CompanyExists): void {
    if (this.check) throw new Error('a check that property companies exist is already registered');
    this.check = check;
  }

  /** True, false, or null when no context of this host knows the companies. */
  async exists(companyId: string): Promise<boolean | null> {
    return this.check ? this.check(companyId) : null;
  }

  /** What a context set up through a key (a webhook) ends with the key: it is told here. */
  whenKeyRevoked(listener: (keyId: string) => Promise<void>): void {
    this.revocationListeners.push(listener);
  }

  async keyRevoked(keyId: string): Promise<void> {
    for (const listener of this.revocationListeners) await listener(keyId);
  }
}
