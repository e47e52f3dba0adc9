// Draws a horizontal bar chart of {label, value} rows into an element, with plain DOM.
window.drawBarChart = function drawBarChart(element, rows) {
  const max = Math.max(...rows.map((row) => row.value));
  element.replaceChildren(...rows.map((row) => {
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.style.width = (100 * row.value / max).toFixed(1) + "%";
    bar.textContent = row.label + " " + row.value;
    return bar;
  }));
  return rows.length;
};
