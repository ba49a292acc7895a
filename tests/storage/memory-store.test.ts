import { MemorySessionStore } from "../../server/storage/memory-store";
import { sessionStoreContract } from "./store-contract";

sessionStoreContract("MemorySessionStore", { create: () => new MemorySessionStore() });
