// Refusals GitHub makes before a mutation runs (a permission the token lacks, a ref update its rules refuse), answered
// as GitHub answers them: the field null, an error with its `type`, path and location.
import { Kind, parse, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from "graphql";

export interface Refusal {
  type: "FORBIDDEN" | "UNPROCESSABLE";
  message: string;
}

/** One top-level field of a mutation: its name, the key it answers under, and its `input` argument's value. */
export interface MutationField {
  name: string;
  input: unknown;
}

interface GraphqlBody {
  data: Record<string, null>;
  errors: { type: string; path: string[]; locations: { line: number; column: number }[]; message: string }[];
}

/**
 * The answer when `refuse` refuses a top-level field of the mutation `query` runs; undefined for a query, a
 * document that does not parse (executeGraphql tells it), or nothing refused.
 */
export async function refusedMutation(
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  refuse: (field: MutationField) => Promise<Refusal | undefined>,
): Promise<GraphqlBody | undefined> {
  let operation: OperationDefinitionNode | undefined;
  try {
    const operations = parse(request.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    operation = request.operationName ? operations.find((o) => o.name?.value === request.operationName) : operations[0];
  } catch {
    return undefined;
  }
  if (operation?.operation !== "mutation") return undefined;
  const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const errors: GraphqlBody["errors"] = [];
  for (const field of fields) {
    const input = field.arguments?.find((a) => a.name.value === "input");
    const refusal = await refuse({ name: field.name.value, input: input ? valueFromASTUntyped(input.value, request.variables) : undefined });
    const key = field.alias?.value ?? field.name.value;
    const at = field.loc ? [{ line: field.loc.startToken.line, column: field.loc.startToken.column }] : [];
    if (refusal) errors.push({ type: refusal.type, path: [key], locations: at, message: refusal.message });
  }
  if (errors.length === 0) return undefined;
  return { data: Object.fromEntries(fields.map((f) => [f.alias?.value ?? f.name.value, null])), errors };
}
