import { toDisposable, type Disposable } from '../../shared/disposable';
import { Emitter } from '../../shared/emitter';
import type { CommandName, CommandRequest, CommandResponse, CommandResult, StreamBatch } from '../../shared/protocol';
import type { FlightdeckApi } from '../../preload/api';
import type { Bridge, ConnectionInfo } from './bridge';
import { parseCommandResult, parseStreamBatch } from './parse-messages';

/** The Electron bridge: the preload's typed verbs, always connected while the window lives. */
export class IpcBridge implements Bridge {
  readonly transport = 'ipc';
  readonly connection: ConnectionInfo = { transport: 'ipc', state: 'open', attempts: 0 };
  private readonly streamEmitter = new Emitter<StreamBatch>();
  private readonly subscription: Disposable;

  constructor(private readonly api: FlightdeckApi) {
    this.subscription = api.onStream((raw) => {
      const batch = parseStreamBatch(raw);
      if (batch) this.streamEmitter.fire(batch);
    });
  }

  async invoke<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    try {
      return parseCommandResult(command, await this.api.invoke(command, payload));
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: `${command}: ${(error as Error).message}` } };
    }
  }

  onStream(listener: (batch: StreamBatch) => void): Disposable {
    return this.streamEmitter.event(listener);
  }

  onConnection(listener: (info: ConnectionInfo) => void): Disposable {
    listener(this.connection);
    return toDisposable(() => undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.streamEmitter.dispose();
  }
}
