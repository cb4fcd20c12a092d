// Entry point of the fixture app. The build step copies it to dist/ with the build stamp filled in.
const { summarize } = require("./summary");

const orders = [
  { item: "tea", quantity: 3, price: 2.5 },
  { item: "coffee", quantity: 2, price: 3.25 },
  { item: "tea", quantity: 1, price: 2.5 },
];

console.log("orders: hello from Node (build __BUILD_STAMP__)");
for (const line of summarize(orders)) console.log(line);
