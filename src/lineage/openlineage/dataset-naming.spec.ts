import { datasetOfTable, datasetOfUri } from './dataset-naming';

/**
 * Each row: a URI as Dagster's `dagster/uri` (or an Airflow asset) states it, and the namespace and name the OpenLineage
 * naming spec (https://openlineage.io/docs/spec/naming) gives that dataset.
 */
describe('datasetOfUri: the naming spec, scheme by scheme', () => {
  it.each<[string, string, string, string]>([
    // file systems: the name is the path, with its leading /
    ['local file', 'file:///data/marts/customer_orders.json', 'file', '/data/marts/customer_orders.json'],
    ['local file, one slash', 'file:/data/orders.csv', 'file', '/data/orders.csv'],
    ['local file on localhost', 'file://localhost/data/orders.csv', 'file', '/data/orders.csv'],
    ['absolute path without a scheme', '/data/orders.parquet', 'file', '/data/orders.parquet'],
    ['remote file', 'file://fileserver/exports/orders.csv', 'file://fileserver', '/exports/orders.csv'],
    ['HDFS', 'hdfs://namenode:8020/warehouse/orders', 'hdfs://namenode:8020', '/warehouse/orders'],
    ['DBFS', 'dbfs://workspace-1/mnt/raw/orders', 'dbfs://workspace-1', '/mnt/raw/orders'],
    ['DBFS without a workspace', 'dbfs:/mnt/raw/orders', 'dbfs', '/mnt/raw/orders'],
    // object stores: the name is the object key
    ['S3', 's3://lake-raw/orders/2026/01/orders.parquet', 's3://lake-raw', 'orders/2026/01/orders.parquet'],
    ['S3 through Hadoop (s3a)', 's3a://lake-raw/orders/', 's3://lake-raw', 'orders/'],
    ['S3, a bucket itself', 's3://lake-raw', 's3://lake-raw', '/'],
    ['GCS', 'gs://lake-curated/customers.parquet', 'gs://lake-curated', 'customers.parquet'],
    ['GCS spelled gcs://', 'gcs://lake-curated/customers.parquet', 'gs://lake-curated', 'customers.parquet'],
    ['ABFSS (Azure Data Lake Gen2)', 'abfss://raw@acmelake.dfs.core.windows.net/orders/2026', 'abfss://raw@acmelake.dfs.core.windows.net', 'orders/2026'],
    ['WASBS (Azure Blob Storage)', 'wasbs://raw@acmeblob.dfs.core.windows.net/orders.csv', 'wasbs://raw@acmeblob.dfs.core.windows.net', 'orders.csv'],
    ['Kafka', 'kafka://broker-1:9092/orders', 'kafka://broker-1:9092', 'orders'],
    // databases in URI form: namespace + "/" + name
    ['Postgres', 'postgres://warehouse:5432/warehouse.public.orders', 'postgres://warehouse:5432', 'warehouse.public.orders'],
    ['Postgres spelled postgresql://, default port', 'postgresql://warehouse/warehouse.public.orders', 'postgres://warehouse:5432', 'warehouse.public.orders'],
    ['MySQL', 'mysql://shop-db:3306/shop.orders', 'mysql://shop-db:3306', 'shop.orders'],
    ['Trino', 'trino://trino.acme:8080/hive.sales.orders', 'trino://trino.acme:8080', 'hive.sales.orders'],
    ['Snowflake', 'snowflake://acme-prod/ANALYTICS.PUBLIC.ORDERS', 'snowflake://acme-prod', 'ANALYTICS.PUBLIC.ORDERS'],
    ['Redshift', 'redshift://examplecluster.us-west-2:5439/dev.public.orders', 'redshift://examplecluster.us-west-2:5439', 'dev.public.orders'],
    ['Athena', 'awsathena://athena.eu-west-1.amazonaws.com/awsdatacatalog.sales.orders', 'awsathena://athena.eu-west-1.amazonaws.com', 'awsdatacatalog.sales.orders'],
    ['BigQuery', 'bigquery:acme-project.sales.orders', 'bigquery', 'acme-project.sales.orders'],
  ])('%s: %s', (_what, uri, namespace, name) => {
    expect(datasetOfUri(uri)).toEqual({ namespace, name });
  });

  it('the scheme is compared without case; query and fragment are not part of the identity; surrounding spaces go', () => {
    expect(datasetOfUri(' S3://lake-raw/orders.parquet?versionId=3#x ')).toEqual({ namespace: 's3://lake-raw', name: 'orders.parquet' });
  });

  it.each(['', 'orders.csv', 'marts/customer_orders', 's3://', 'file://fileserver', '1nvalid://x/y', 'postgres://'])('%j is not a URI Gatehouse can name', (uri) => {
    expect(datasetOfUri(uri)).toBeNull();
  });
});

describe('datasetOfTable: a qualified table in its storage’s namespace (the naming spec’s databases)', () => {
  it.each<[string, string, string]>([
    ['Postgres', 'postgres://warehouse:5432', 'warehouse.public.customer_orders'],
    ['MySQL', 'mysql://shop-db:3306', 'shop.orders'],
    ['Snowflake', 'snowflake://acme-prod', 'ANALYTICS.PUBLIC.ORDERS'],
    ['BigQuery', 'bigquery', 'acme-project.sales.orders'],
    ['Trino', 'trino://trino.acme:8080', 'hive.sales.orders'],
  ])('%s', (_what, namespace, table) => {
    expect(datasetOfTable(namespace, ` ${table} `)).toEqual({ namespace, name: table });
  });

  it('an empty table name names nothing', () => {
    expect(datasetOfTable('postgres://warehouse:5432', '  ')).toBeNull();
  });
});
