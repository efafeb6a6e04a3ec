/** The doc comments of one zod object schema: of the schema itself and of each field. */
export interface ObjectDocs {
  description?: string;
  fields: Record<string, string>;
}
