// One worker thread of the streaming example: adds its chunk of activity to
// the state it is given and sends the state back, both as JSON strings (the
// form a queue message or a database row would have).
import { parentPort, workerData } from "node:worker_threads";
import { processChunk } from "./month.js";

const { state, activities } = workerData as { state: string; activities: string };
parentPort?.postMessage(processChunk(state, activities));
