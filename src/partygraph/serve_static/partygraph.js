// Starts YASGUI on this server's /sparql (partygraph serve's page; see partygraph/serve_page.py).
// The configuration (prefixes, first query, the query library) is JSON data in the page.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("partygraph-config").textContent);
  const endpoint = new URL("sparql", window.location.href).href;
  const Yasqe = Yasgui.Yasqe;
  // Only completers that work offline: the prefix list bundled with YASQE and the query's own variables.
  // The class and property completers ask Linked Open Vocabularies over the network; prefix.cc is never asked.
  // (Set on the defaults: YASGUI merges arrays by index, so a shorter list in the config would not remove them.)
  Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasqe.defaults.prefixCcApi = null;
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {endpoint: endpoint, method: "POST"},
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: {getData: function () { return [{endpoint: endpoint}]; }},
    persistenceId: null,      // every visit starts from the server's tabs; nothing kept in localStorage
    populateFromUrl: false,
    tabName: "Query",
    yasqe: {value: config.query},
  });
  const select = document.getElementById("library");
  for (const q of config.library) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = q.name + " — " + q.purpose;
    select.appendChild(option);
  }
  select.addEventListener("change", function () {
    const q = config.library.find(function (x) { return x.name === select.value; });
    if (q) yasgui.addTab(true, {name: q.name, yasqe: {value: q.query}});
    select.value = "";
  });
  window.partygraph = {yasgui: yasgui, prefixes: config.prefixes, settled: true};
})();
