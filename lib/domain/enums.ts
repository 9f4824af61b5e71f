// The database enums that domain code, formatting and the browser share, named once. Each is
// Prisma's generated enum type: a change to the schema shows up as a type error wherever a value is
// handled. The import is type-only and from the enums file alone, so nothing of Prisma reaches the
// browser bundle.
export type {
  Aggregation,
  Comparison,
  Direction,
  OrgLevel,
  PeriodKind,
  Qualifier,
  Role,
  SourceKind,
  SubmissionAction,
  SubmissionStatus,
  ValueType,
} from "@/lib/generated/prisma/enums";
