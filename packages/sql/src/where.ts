/**
 * Numbered parameters ($1, $2, …) and a WHERE clause built from optional filters, so that a query's
 * text and its values can never get out of step.
 *
 *   const where = new SqlWhere(["ph.product_id = $1"], [productId])
 *   if (q.from) where.and((p) => `ph.changed_at >= ${p(q.from)}`)
 *   db.query(`SELECT … FROM price_history ph ${where.clause}`, where.values)
 */
export class SqlParams {
  readonly values: unknown[]

  constructor(initial: readonly unknown[] = []) {
    this.values = [...initial]
  }

  /** Adds `value`; its placeholder, e.g. `$3`. */
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }

  /** The placeholder the next added value will get, e.g. for LIMIT/OFFSET appended by hand. */
  next(offset = 0): string {
    return `$${this.values.length + 1 + offset}`
  }
}

export type Placeholder = (value: unknown) => string

export class SqlWhere {
  private readonly clauses: string[]
  readonly params: SqlParams

  /** `clauses` use the placeholders of `values` ($1 is values[0]). */
  constructor(
    clauses: readonly string[] = [],
    values: readonly unknown[] = []
  ) {
    this.clauses = [...clauses]
    this.params = new SqlParams(values)
  }

  /** Adds a condition; a function gets the placeholder maker for its own values. */
  and(clause: string | ((p: Placeholder) => string)): this {
    this.clauses.push(
      typeof clause === "string" ? clause : clause((v) => this.params.add(v))
    )
    return this
  }

  /** Adds the condition made with `value`'s placeholder when `value` is given (not undefined). */
  when(value: unknown, condition: (placeholder: string) => string): this {
    if (value !== undefined) {
      this.clauses.push(condition(this.params.add(value)))
    }
    return this
  }

  /** Adds `column = ANY($n)` when `values` has any (a filter left out otherwise). */
  anyOf(column: string, values: readonly unknown[] | undefined): this {
    if (values?.length) {
      this.and((p) => `${column} = ANY(${p(values)})`)
    }
    return this
  }

  get values(): unknown[] {
    return this.params.values
  }

  /** The conditions joined with AND, without the keyword ("TRUE" when there is none). */
  conditions(): string {
    return this.clauses.length ? this.clauses.join(" AND ") : "TRUE"
  }

  /** `WHERE a AND b`, or "" when there is no condition. */
  get clause(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(" AND ")}` : ""
  }
}

/** A LIKE/ILIKE pattern matching `text` anywhere, with `\`, `%` and `_` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
