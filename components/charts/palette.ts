// Colours with at least 3:1 contrast on white; demo data is drawn lighter and hatched.
export const COLORS = {
  reported: "#1d4ed8",
  demo: "#93c5fd",
  target: "#b91c1c",
  average: "#475569",
  highlight: "#b45309",
  series: ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c"],
};
