/** Stored principals are people or service accounts; the bootstrap administrator is built in. */
export type PrincipalKind = 'person' | 'service';

/** A stored principal as services and the API see it. */
export interface PrincipalView {
  id: string;
  name: string;
  kind: PrincipalKind;
  /** Plain team slugs (`sales-data`); data products name their owner `team:sales-data`. */
  teams: string[];
  roles: string[];
  email: string | null;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface NewPrincipal {
  id: string;
  name: string;
  kind: PrincipalKind;
  teams: string[];
  roles: string[];
  email?: string | null;
}

/** Fields a PATCH may change; absent fields stay, `email: null` removes the address. */
export type PrincipalChanges = Partial<Pick<NewPrincipal, 'name' | 'teams' | 'roles' | 'email'>>;

export interface PrincipalListQuery {
  kind?: PrincipalKind;
  team?: string;
  role?: string;
  disabled?: boolean;
  limit: number;
  /** The last id of the previous page. */
  after?: string;
}
