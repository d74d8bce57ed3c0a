/** At most this many features are read from a feature service into a layer; past it the planner is told. */
export const FEATURE_LIMIT = 50_000;
