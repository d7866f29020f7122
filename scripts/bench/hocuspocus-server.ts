import { Server } from '@hocuspocus/server';

/** Hocuspocus 3 with no extensions (documents in memory), as the reference co-editing server. */
async function main() {
  const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true });
  await server.listen();
  process.stdout.write('listening\n');
}

void main();
