// Many SignalR clients of /hubs/registrations in one Node process, for the storm measurement
// (ImsLab.Benchmarks/Live/HubStorm.cs starts a few of these). Each client subscribes to every event and counts what
// arrives. Prints {"kind":"connected"} once all are subscribed; when standard input closes, prints
// {"kind":"report","clients":[{"events":n,"messages":m,"firstAt":ms,"lastAt":ms}, ...]} and exits.
// --stall makes the clients stop reading their socket right after subscribing: a client that cannot keep up, to
// show it neither slows the others nor the publisher (it reports "closed":true when the server drops it).
// Usage: IMSLAB_API_KEY=... node storm.mjs --url http://127.0.0.1:PORT/hubs/registrations [--clients 10] [--stall]
import * as signalR from "@microsoft/signalr";

const args = process.argv.slice(2);
let url = "";
let count = 10;
let stall = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--url") url = args[++i];
  else if (args[i] === "--clients") count = Number(args[++i]);
  else if (args[i] === "--stall") stall = true;
  else { console.error(`unknown argument ${args[i]}`); process.exit(2); }
}

const clients = [];
for (let i = 0; i < count; i++) {
  const stats = { events: 0, messages: 0, firstAt: null, lastAt: null, closed: false };
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, { headers: { "X-Api-Key": process.env.IMSLAB_API_KEY ?? "" }, transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.on("events", batch => {
    const now = performance.now();
    stats.firstAt ??= now;
    stats.lastAt = now;
    stats.messages++;
    stats.events += batch.length;
  });
  connection.onclose(() => { stats.closed = true; });
  clients.push({ connection, stats });
}

await Promise.all(clients.map(async ({ connection }) => {
  await connection.start();
  await connection.invoke("SubscribeAll");
  if (stall) {
    // The client library has no "pause": reach the ws socket under the transport (internal names of 10.0.x).
    const socket = connection.connection?.transport?._webSocket?._socket;
    if (!socket) throw new Error("cannot find the WebSocket's socket to stall it");
    socket.pause();
  }
}));
process.stdout.write(JSON.stringify({ kind: "connected", clients: count }) + "\n");

process.stdin.on("end", async () => {
  process.stdout.write(JSON.stringify({ kind: "report", clients: clients.map(c => c.stats) }) + "\n");
  await Promise.allSettled(clients.map(c => c.connection.stop()));
  process.exit(0);
});
process.stdin.resume();
