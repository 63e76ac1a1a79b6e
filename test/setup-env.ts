// Test defaults for configuration validated at import time (app/env.server.ts).
process.env.ENCRYPTION_KEYS ||= "1:" + Buffer.alloc(32, 7).toString("base64");
process.env.SHOPIFY_API_KEY ||= "5f3c1e9a7b2d4c6e8f0a1b2c3d4e5f60";
process.env.SHOPIFY_API_SECRET ||= "trulybot-demo-shopify-secret";
process.env.SHOPIFY_APP_URL ||= "https://trulybot.test";
process.env.DATABASE_URL ||= "file:./prisma/test-placeholder.sqlite";
process.env.NODE_ENV = "test";
