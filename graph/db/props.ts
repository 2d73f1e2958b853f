/**
 * The properties of a Neo4j node or relationship as the driver returns them (`node.properties`),
 * before any schema has been applied. Declared once so every reader of raw rows means the same thing.
 */
export type Props = Record<string, unknown>;
