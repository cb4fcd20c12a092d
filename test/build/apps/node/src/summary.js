/** Totals per item, sorted by item name, as printable lines. */
function summarize(orders) {
  const totals = new Map();
  for (const { item, quantity, price } of orders) {
    totals.set(item, (totals.get(item) ?? 0) + quantity * price);
  }
  return [...totals.keys()].sort().map((item) => `${item}: ${totals.get(item).toFixed(2)}`);
}

module.exports = { summarize };
