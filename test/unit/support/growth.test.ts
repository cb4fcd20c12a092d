import * as assert from "assert";
import { growthOf } from "../../support/growth";

// The growth tests' measure itself: it must tell quadratic work from linear, or those tests cannot fail.
describe("growth measure of the timing tests", () => {
  const linear = (n: number): number => {
    let sum = 0;
    for (let i = 0; i < n * 200; i++) sum += i % 7;
    return sum;
  };
  const quadratic = (n: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) % 7;
    return sum;
  };

  it("finds quadratic work quadratic", function () {
    this.timeout(60000);
    const { exponent } = growthOf(1000, 4000, quadratic, { runs: 3 });
    assert.ok(exponent > 1.7, `exponent ${exponent.toFixed(2)}`);
  });

  it("finds linear work under the bar", function () {
    this.timeout(60000);
    const { exponent } = growthOf(20000, 80000, linear, { runs: 5 });
    assert.ok(exponent < 1.5, `exponent ${exponent.toFixed(2)}`);
  });
});
