-- One PostgreSQL server for the demo: Gatehouse, Airflow's and Dagster's metadata in separate databases.
CREATE DATABASE airflow;
CREATE DATABASE dagster;
