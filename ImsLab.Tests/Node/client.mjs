// A SignalR client of /hubs/registrations for the tests (ImsLab.Tests/Api/Live): connects with an API key or a
// cookie, subscribes, and prints one JSON line per received message on stdout, so that the test reads a stream of
// facts instead of parsing logs:
//   {"kind":"connected"}                                   after the subscriptions were accepted
//   {"kind":"message","target":"events","arguments":[...]} every server message
//   {"kind":"error","statusCode":401,"message":"..."}      when the connection or a subscription is refused (exit 2)
// Usage: node client.mjs --url http://127.0.0.1:PORT/hubs/registrations [--api-key KEY | --cookie "ImsLab.Auth=..."]
//          [--all] [--impu URI]... [--impi ID]... [--counters] [--unsubscribe]   (invoked in the order given)
// The key is read from the IMSLAB_API_KEY environment variable when --api-key is not given, so that it never shows
// in a process list.
import * as signalR from "@microsoft/signalr";

const args = process.argv.slice(2);
const options = { url: "", apiKey: process.env.IMSLAB_API_KEY ?? "", cookie: "", subscriptions: [] };
for (let i = 0; i < args.length; i++) {
  const name = args[i];
  const value = () => {
    if (i + 1 >= args.length) fail(`${name} needs a value`);
    return args[++i];
  };
  switch (name) {
    case "--url": options.url = value(); break;
    case "--api-key": options.apiKey = value(); break;
    case "--cookie": options.cookie = value(); break;
    case "--all": options.subscriptions.push(["SubscribeAll"]); break;
    case "--impu": options.subscriptions.push(["SubscribeImpu", value()]); break;
    case "--impi": options.subscriptions.push(["SubscribeImpi", value()]); break;
    case "--counters": options.subscriptions.push(["SubscribeCounters"]); break;
    case "--unsubscribe": options.subscriptions.push(["Unsubscribe"]); break;
    default: fail(`unknown argument ${name}`);
  }
}
if (!options.url) fail("--url is required");

function print(line) {
  process.stdout.write(JSON.stringify(line) + "\n");
}

function fail(message, statusCode) {
  print({ kind: "error", statusCode: statusCode ?? null, message });
  process.exit(2);
}

// Under Node the client sends these headers on the negotiate request and on the WebSocket upgrade alike.
const headers = {};
if (options.apiKey) headers["X-Api-Key"] = options.apiKey;
if (options.cookie) headers["Cookie"] = options.cookie;

const connection = new signalR.HubConnectionBuilder()
  .withUrl(options.url, { headers, transport: signalR.HttpTransportType.WebSockets })
  .configureLogging(signalR.LogLevel.None)
  .build();

for (const target of ["events", "counters"]) {
  // Handlers must return nothing, or the client answers the server with a result it does not expect.
  connection.on(target, (...received) => { print({ kind: "message", target, arguments: received }); });
}
connection.onclose(error => {
  print({ kind: "closed", message: error ? String(error.message ?? error) : null });
  process.exit(error ? 3 : 0);
});

try {
  await connection.start();
} catch (error) {
  // A refused negotiate request reaches us wrapped ("... Status code '401'"): dig the status out for the caller.
  const message = String(error?.message ?? error);
  const status = error?.statusCode ?? Number(/Status code '(\d{3})'/.exec(message)?.[1] ?? NaN);
  fail(message, Number.isNaN(status) ? null : status);
}
for (const [method, ...methodArgs] of options.subscriptions) {
  try {
    await connection.invoke(method, ...methodArgs);
  } catch (error) {
    fail(`${method}: ${String(error?.message ?? error)}`);
  }
}
print({ kind: "connected" });

// The test ends the client by closing its standard input (or killing it).
process.stdin.on("end", async () => {
  await connection.stop();
});
process.stdin.resume();
