/**
 * Dataset identities as the OpenLineage naming spec (https://openlineage.io/docs/spec/naming) gives them, so that
 * what Gatehouse names after an orchestrator's metadata is the node other producers report for the same data:
 *
 * | storage | namespace | name |
 * | --- | --- | --- |
 * | local file | `file` | `/{path}` |
 * | remote file | `file://{host}` | `/{path}` |
 * | HDFS | `hdfs://{namenode host}:{port}` | `/{path}` |
 * | DBFS | `dbfs://{workspace}` | `/{path}` |
 * | S3, GCS | `s3://{bucket}`, `gs://{bucket}` | `{object key}` |
 * | ABFSS, WASBS | `abfss://{container}@{service}…`, `wasbs://…` | `{path}` / `{object key}` |
 * | Kafka | `kafka://{host}:{port}` | `{topic}` |
 * | databases in URI form | `postgres://{host}:{port}`, `mysql://…`, `snowflake://…`… | `{database}.{schema}.{table}`… |
 *
 * File systems keep the leading `/` of a path (their URI is namespace + name); object stores and databases name the
 * object after it (their URI is namespace + `/` + name), as Airflow's and Spark's integrations report them.
 */
import type { DatasetName } from '../projection/run-projection';

/** Schemes whose dataset name is a path with its leading `/`. */
const FILE_SYSTEMS = new Set(['file', 'hdfs', 'dbfs']);

/** Spellings of one storage that the spec names one way (`s3a://` is Hadoop's S3 connector, `gcs://` fsspec's GCS). */
const SCHEME_ALIASES: Record<string, string> = { s3a: 's3', s3n: 's3', gcs: 'gs', postgresql: 'postgres' };

/** Ports the spec's namespaces always carry, for URIs that leave them out. */
const DEFAULT_PORTS: Record<string, number> = { postgres: 5432, mysql: 3306, redshift: 5439 };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s;

/**
 * The dataset a URI names (`s3://lake/raw/orders.parquet`, `file:///data/orders.json`,
 * `postgres://warehouse:5432/warehouse.public.orders`), or null when it is not a URI Gatehouse can name. An absolute
 * path without a scheme is a local file. Query and fragment are not part of the identity.
 */
export function datasetOfUri(uri: string): DatasetName | null {
  const text = uri.trim();
  if (text.startsWith('/')) return localFile(text);
  const match = SCHEME.exec(text);
  if (!match) return null;
  const scheme = SCHEME_ALIASES[match[1].toLowerCase()] ?? match[1].toLowerCase();
  const rest = match[2].replace(/[?#].*$/s, '');
  if (!rest.startsWith('//')) {
    // `file:/data/x`, `dbfs:/mnt/x` (no authority); `bigquery:project.dataset.table`
    if (!rest) return null;
    return FILE_SYSTEMS.has(scheme) ? (scheme === 'file' ? localFile(rest) : { namespace: scheme, name: withLeadingSlash(rest) }) : { namespace: scheme, name: rest };
  }
  const slash = rest.indexOf('/', 2);
  const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  if (scheme === 'file') return authority === '' || authority.toLowerCase() === 'localhost' ? localFile(path) : path ? { namespace: `file://${authority}`, name: path } : null;
  if (!authority) return null;
  const namespace = `${scheme}://${withDefaultPort(scheme, authority)}`;
  if (FILE_SYSTEMS.has(scheme)) return { namespace, name: withLeadingSlash(path) };
  // an object store's bucket itself is `/` (nothing after it), as Airflow's converters name it
  const name = path.replace(/^\/+/, '');
  return { namespace, name: name || '/' };
}

/** A table named `{database}.{schema}.{table}` (or however its storage qualifies names) in a storage's namespace. */
export function datasetOfTable(namespace: string, tableName: string): DatasetName | null {
  const name = tableName.trim();
  return name ? { namespace, name } : null;
}

function localFile(path: string): DatasetName | null {
  return path ? { namespace: 'file', name: withLeadingSlash(path) } : null;
}

function withLeadingSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

function withDefaultPort(scheme: string, authority: string): string {
  const port = DEFAULT_PORTS[scheme];
  // `host`, not `host:port`, `[v6]:port` or `user@host:port`
  return port !== undefined && !/:\d+$/.test(authority) ? `${authority}:${port}` : authority;
}
