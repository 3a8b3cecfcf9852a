/**
 * A WHERE clause built from optional filters, with numbered parameters ($1, $2…):
 * `where.add(filter.kind, (p) => \`kind = ${p}\`)` adds the condition only when the
 * value is given (not undefined), `where.raw(sql)` adds a condition without parameter.
 */
export class SqlWhere {
  readonly params: unknown[] = []
  private readonly conditions: string[]

  constructor(conditions: string[] = []) {
    this.conditions = [...conditions]
  }

  add(value: unknown, condition: (placeholder: string) => string): this {
    if (value !== undefined) {
      this.params.push(value)
      this.conditions.push(condition(`$${this.params.length}`))
    }
    return this
  }

  raw(condition: string): this {
    this.conditions.push(condition)
    return this
  }

  /** `WHERE a AND b`, or "" without conditions */
  get clause(): string {
    return this.conditions.length
      ? `WHERE ${this.conditions.join(" AND ")}`
      : ""
  }
}
