// The sandbox's two regions, Configure and Act, over the one sandbox store (which saves the sandbox in this
// browser and replays it deterministically), with the store's notice above them. Loaded after the page's
// heading, in its own chunk with the store and the simulator's UI.
import { useSandbox } from '../../store/sandbox';
import { ActPanel } from './act/act-panel';
import { ConfigApiContext } from './config/config-api';
import { ConfigPanel } from './config/config-panel';
import { useStoreConfigApi } from './config/store-config-api';
import { SandboxInstructorTools } from '../presenter/sandbox-instructor-tools';
import './sandbox-page.css';

function StoreNotice() {
  const notice = useSandbox((s) => s.notice);
  const dismiss = useSandbox((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="sandbox-notice" role="status">
      <span>{notice}</span>
      <button type="button" className="button button--secondary" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

export default function SandboxWorkspace() {
  const api = useStoreConfigApi(useSandbox);
  return (
    <>
      <StoreNotice />
      <SandboxInstructorTools />
      <div className="sandbox-layout">
        <div className="sandbox-layout__region sandbox-layout__region--configure">
          <ConfigApiContext.Provider value={api}>
            <ConfigPanel />
          </ConfigApiContext.Provider>
        </div>
        <div className="sandbox-layout__region sandbox-layout__region--act">
          <ActPanel />
        </div>
      </div>
    </>
  );
}
