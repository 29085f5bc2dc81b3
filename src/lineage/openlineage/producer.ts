/** Gatehouse as an OpenLineage producer: its own events and the ones it derives (Dagster). */
export const GATEHOUSE_PRODUCER = 'urn:gatehouse:0.1.0';
export const RUN_EVENT_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
