/** What `onManager` needs of a manager (TypeORM's EntityManager fits). */
export type RepositoryBinder = { withRepository(repository: never): unknown }

/**
 * A repository on the manager a service reads through (`activeManager_`): the repository itself when
 * it is already on that manager (reads outside a transaction: nothing is allocated per read on the
 * store's read path), else a copy bound to it (`withRepository`: a transaction's manager). Typed
 * structurally: TypeORM's EntityManager and repositories fit, and nothing here touches a database.
 */
export function onManager<R extends { manager: unknown }>(
  manager: RepositoryBinder,
  repository: R
): R {
  return repository.manager === manager
    ? repository
    : (manager as { withRepository(repository: R): R }).withRepository(
        repository
      )
}
