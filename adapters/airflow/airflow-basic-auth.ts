import { AirflowAuth } from './airflow-auth';

/**
 * Airflow 2 `/api/v1`: HTTP basic auth (needs `[api] auth_backends` ∋ `airflow.api.auth.backend.basic_auth`, or the FAB
 * provider's backend). Nothing to refresh: a 401 is final.
 */
export class AirflowBasicAuth implements AirflowAuth {
  // #private: invisible to console.log / util.inspect / JSON.stringify of the adapter
  readonly #password: string;
  readonly #header: string;

  constructor(username: string, password: string) {
    this.#password = password;
    this.#header = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  }

  async authenticate(headers: Record<string, string>): Promise<void> {
    headers.authorization = this.#header;
  }

  async onUnauthorized(): Promise<boolean> {
    return false;
  }

  secrets(): string[] {
    return [this.#password, this.#header, this.#header.slice('Basic '.length)];
  }
}
