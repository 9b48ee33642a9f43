import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Column names and parameter values for an INSERT written by hand (one statement that
 * does more than TypeORM's insert can), converted the way TypeORM converts them.
 */
export function insertColumns<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, values: Partial<T>) {
  const metadata = manager.connection.getMetadata(target);
  const names: string[] = [];
  const types: string[] = []; // for casts: an INSERT … SELECT does not infer parameter types
  const parameters: unknown[] = [];
  for (const [property, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    names.push(column.databaseName);
    types.push(manager.connection.driver.normalizeType(column));
    parameters.push(manager.connection.driver.preparePersistentValue(value, column));
  }
  return { names, types, parameters };
}

/** An entity from a row of `RETURNING *`, converted the way TypeORM converts a loaded row. */
export function entityFromRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    column.setEntityValue(entity, manager.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
