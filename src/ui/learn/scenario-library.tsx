// The scenario library: a card per scenario (title, goal, level, services, time), filterable by service.
import { useId, useState } from 'react';
import type { ServiceTag } from '../../content/scenarios/types';
import { allServices, scenarioCatalog } from '../../store/catalog';

export function ScenarioLibrary() {
  const [service, setService] = useState<ServiceTag | 'all'>('all');
  const filterId = useId();
  const shown = scenarioCatalog.filter((s) => service === 'all' || s.services.includes(service));
  return (
    <section aria-labelledby={`${filterId}-heading`} className="library">
      <div className="library__bar">
        <h2 id={`${filterId}-heading`} className="library__heading">
          Scenarios <span className="muted">({shown.length})</span>
        </h2>
        <label htmlFor={filterId} className="library__filter">
          Service
          <select id={filterId} value={service} onChange={(e) => setService(e.target.value as ServiceTag | 'all')}>
            <option value="all">All services</option>
            {allServices.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="library__grid">
        {shown.map((s) => (
          <li key={s.id} className="card">
            <h3 className="card__title">
              <a href={`#/learn/${s.id}`} className="card__link">
                {s.title}
              </a>
            </h3>
            <p className="card__goal">{s.goal}</p>
            <p className="card__meta">
              <span className={`badge badge--${s.level}`}>{s.level}</span>
              <span>{s.services.join(' · ')}</span>
              <span>about {s.minutes} min</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
