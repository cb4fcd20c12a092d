// Stands in for a server started through `npm start`, whose script sets its environment with
// with-greeting, a devDependency: pruning dev dependencies from the runtime image breaks the start.
const greeting = process.env.GREETING ?? "(no GREETING: with-greeting did not run)";
console.log(`${greeting}; NODE_ENV=${process.env.NODE_ENV ?? "unset"}`);
