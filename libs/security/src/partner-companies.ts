/**
 * Whether a property company exists, for issuing a partner key. libs/security knows no context:
 * the context that keeps the companies registers the check when it is part of the host. A host
 * without such a context (an app of the cluster that is not the property company's) cannot tell,
 * and issues keys as before.
 */
export type CompanyExists = (companyId: string) => Promise<boolean>;

export class PartnerCompanies {
  private check: CompanyExists | null = null;

  register(check: CompanyExists): void {
    if (this.check) throw new Error('a check that property companies exist is already registered');
    this.check = check;
  }

  /** True, false, or null when no context of this host knows the companies. */
  async exists(companyId: string): Promise<boolean | null> {
    return this.check ? this.check(companyId) : null;
  }
}
