// The id of a figure's questions beside it (the ward's row, a group's cell), for links from the review
// panel's list. Neutral module: the client grid and the server panel both use it.
export const questionsAnchor = (unit: string, indicator: string) => `cau-hoi-${unit}-${indicator}`;
