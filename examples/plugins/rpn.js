// A tiny language plugin for Jodide (and Iodide): a reverse Polish notation calculator.
// The plugin chunk names this script, the global it defines ("rpn") and its evaluator.
window.rpn = {
  evaluate(code) {
    const stack = [];
    const operations = {
      "+": (a, b) => a + b,
      "-": (a, b) => a - b,
      "*": (a, b) => a * b,
      "/": (a, b) => a / b,
    };
    for (const token of code.split(/\s+/).filter(Boolean)) {
      if (token in operations) {
        if (stack.length < 2) throw new Error(`"${token}" needs two numbers on the stack`);
        const b = stack.pop();
        const a = stack.pop();
        stack.push(operations[token](a, b));
      } else if (!Number.isNaN(Number(token))) {
        stack.push(Number(token));
      } else {
        throw new Error(`unknown word "${token}"`);
      }
    }
    return stack.length === 1 ? stack[0] : stack;
  },
};
