import type { CommandName, CommandRequest, CommandResponse, CommandResult, StreamBatch } from '../../shared/protocol';
import type { FlightdeckApi } from '../../preload/api';
import type { Bridge, ConnectionInfo } from './bridge';
import { Listeners } from './listeners';
import { parseCommandResult, parseStreamBatch } from './parse-messages';

/** The Electron bridge: the preload's typed verbs, always connected while the window lives. */
export class IpcBridge implements Bridge {
  readonly transport = 'ipc';
  readonly connection: ConnectionInfo = { transport: 'ipc', state: 'open', attempts: 0 };
  private readonly streamListeners = new Listeners<StreamBatch>();
  private readonly unsubscribe: () => void;

  constructor(private readonly api: FlightdeckApi) {
    this.unsubscribe = api.onStream((raw) => {
      const batch = parseStreamBatch(raw);
      if (batch) this.streamListeners.emit(batch);
    });
  }

  async invoke<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    try {
      return parseCommandResult(command, await this.api.invoke(command, payload));
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: `${command}: ${(error as Error).message}` } };
    }
  }

  onStream(listener: (batch: StreamBatch) => void): () => void {
    return this.streamListeners.add(listener);
  }

  onConnection(listener: (info: ConnectionInfo) => void): () => void {
    listener(this.connection);
    return () => undefined;
  }

  dispose(): void {
    this.unsubscribe();
    this.streamListeners.clear();
  }
}
