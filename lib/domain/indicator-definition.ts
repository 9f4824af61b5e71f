// What defines an indicator — its name, unit, value type, how it adds up … — as the catalogue stores
// it, the indicator form edits it and an edit changes it: one type for the data layer and the form.
import type { Aggregation, Direction, OrgLevel, ValueType } from "./enums";

export type IndicatorDefinition = {
  name: string;
  unit: string;
  valueType: ValueType;
  aggregation: Aggregation;
  direction: Direction;
  collectionLevel: OrgLevel;
  wardFromGroups: boolean;
  headline: boolean;
  categories: Record<string, string>;
  description: string | null;
};
