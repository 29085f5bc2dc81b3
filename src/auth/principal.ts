/** Who made a request. Issue-3 principals extend this with teams and roles. */
export interface Principal {
  id: string;
  kind: 'person' | 'service' | 'bootstrap';
  name: string;
  roles: string[];
  teams: string[];
}

export const BOOTSTRAP_ADMIN: Principal = {
  id: 'admin',
  kind: 'bootstrap',
  name: 'Bootstrap administrator',
  roles: ['admin'],
  teams: [],
};
