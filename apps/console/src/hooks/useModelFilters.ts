import { useSearchParams } from 'wouter';
import { api } from '../api/client';
import type { ModelList } from '../api/types';
import type { SelectOption } from '../components/Field';
import { useApi } from './useApi';

/**
 * A page of one model's entries filtered through the URL (`?model=…&stage=…`): the workspace's models,
 * the model chosen (the first one until the URL names one), the picker's options, and a setter that
 * keeps the chosen model in the URL when another filter changes.
 */
export function useModelFilters() {
  const [params, setParams] = useSearchParams();
  const models = useApi('models', (signal) => api.get<ModelList>('/v1/models', undefined, signal));
  const modelId = params.get('model') ?? models.data?.models[0]?.id ?? '';
  const modelOptions: SelectOption<string>[] =
    models.data?.models.length === 0
      ? [{ value: '', label: 'No models yet' }]
      : (models.data?.models.map((model) => ({
          value: model.id,
          label: `${model.name} (${model.id} v${model.version})`,
        })) ?? []);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'model' && !next.get('model') && modelId) next.set('model', modelId);
    setParams(next, { replace: true });
  };

  return { params, models, modelId, modelOptions, setFilter };
}
