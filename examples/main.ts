// The app `cdktf synth` runs (cdktf.json: "app": "npx tsx examples/main.ts").
import { buildApp } from "./app";

buildApp().synth();
