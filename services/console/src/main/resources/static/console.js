// Sends the CSRF token with every htmx request, and draws each chart from the data its element carries.
document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

function drawCharts(root) {
  if (typeof echarts === "undefined") {
    return;
  }
  root.querySelectorAll("[data-chart]").forEach((element) => {
    const option = JSON.parse(element.dataset.chart);
    // a bar for each person: the chart grows with the ranking instead of squeezing it
    const bars = option.yAxis && option.yAxis.data ? option.yAxis.data.length : 0;
    element.style.height = Math.max(240, bars * 28 + 50) + "px";
    const chart = echarts.getInstanceByDom(element) || echarts.init(element);
    chart.setOption(option, true);
    window.addEventListener("resize", () => chart.resize());
  });
}

document.addEventListener("DOMContentLoaded", () => drawCharts(document));
document.addEventListener("htmx:afterSettle", (event) => drawCharts(event.target));
