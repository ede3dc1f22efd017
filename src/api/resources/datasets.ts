import { quoteValue } from '../../quote.js';
import type { DatasetFormat } from '../../datasets/index.js';
import { CHUNK_RECORDS, chunkFile, recordCount, type ChunkedFile } from '../../datasets/chunked.js';
import { releaseSpooled } from '../../datasets/spooled-blob.js';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import type { Storage } from '../storage/storage.js';
import { isoNow } from '../time.js';
import type { Dataset, DatasetCreateWithFilesParams, DatasetFile, DatasetListItem, DatasetType, DatasetUpdateParams } from '../types.js';
import { readUpload, type UploadedFile } from '../uploads.js';

/**
 * A dataset's files, kept as record chunks (`ChunkedFile`) so jobs stream through them. Never
 * returned to callers.
 */
export interface DatasetContent {
  dataset_type: DatasetType;
  files: Array<{ id: string; path: string; folder: string | null; size: number; chunked: ChunkedFile }>;
  /** One sample per record (SINGLE_FILE), per non-empty file (MULTI_FILE) or per non-empty folder (MULTI_FOLDER). */
  sample_count: number;
}

const SINGLE_FILE_FORMATS: readonly DatasetFormat[] = ['csv', 'json', 'jsonl'];
const MULTI_FILE_FORMATS: readonly DatasetFormat[] = ['txt', 'md', 'json', 'csv', 'jsonl'];
const DATASET_TYPES: readonly DatasetType[] = ['SINGLE_FILE', 'MULTI_FILE', 'MULTI_FOLDER'];

/** Datasets as the remote SDK names them (`client.dataframer.datasets`). */
export class Datasets {
  constructor(
    private readonly storage: Storage,
    /** True while a job or run still reads this dataset (delete is refused then). */
    private readonly inUse: (datasetId: string) => boolean,
    /** Records per stored chunk (see `LocalDataframerOptions.chunkRecords`). */
    private readonly chunkRecords = CHUNK_RECORDS,
  ) {}

  async createWithFiles(params: DatasetCreateWithFilesParams): Promise<Dataset> {
    if (typeof params !== 'object' || params === null) throw new BadRequestError('request body must be an object');
    if (!DATASET_TYPES.includes(params.dataset_type)) {
      throw new BadRequestError(`dataset_type must be one of ${DATASET_TYPES.join(', ')}`, 'dataset_type');
    }
    if (typeof params.name !== 'string' || params.name.trim() === '') throw new BadRequestError('name is required (a non-empty string)', 'name');
    const existing = await this.storage.list<Dataset>('datasets');
    if (existing.some((d) => d.name === params.name)) throw new BadRequestError('name must be unique: a dataset with this name exists', 'name');
    if (params.csv_headers !== undefined && (!Array.isArray(params.csv_headers) || params.csv_headers.some((h) => typeof h !== 'string'))) {
      throw new BadRequestError('csv_headers must be an array of strings', 'csv_headers');
    }

    const uploads = await this.collectUploads(params);
    const content = await buildContent(params.dataset_type, uploads, params.csv_headers, this.chunkRecords);
    if (content.sample_count === 0) throw new BadRequestError('the dataset holds no samples (empty files)', 'file');

    const now = isoNow();
    const folders = new Set(content.files.map((f) => f.folder).filter((f) => f !== null));
    const dataset: Dataset = {
      id: crypto.randomUUID(),
      name: params.name,
      description: params.description ?? null,
      dataset_type: params.dataset_type,
      file_count: content.files.length,
      folder_count: folders.size,
      created_at: now,
      updated_at: now,
      created_by_email: null,
      files: content.files.map(
        (f): DatasetFile => ({ id: f.id, file_type: f.chunked.format, size_bytes: f.size, path: f.path }),
      ),
      short_sample_compatibility: { is_short_samples_compatible: true, is_long_samples_compatible: true, reason: null },
      sample_count: content.sample_count,
    };
    await this.storage.put('dataset_contents', dataset.id, content);
    await this.storage.put('datasets', dataset.id, dataset);
    return dataset;
  }

  async retrieve(datasetId: string): Promise<Dataset> {
    const dataset = await this.storage.get<Dataset>('datasets', datasetId);
    if (!dataset) throw new NotFoundError(`dataset ${quoteValue(String(datasetId))} not found`, 'dataset_id');
    return dataset;
  }

  /** A bare array, as the remote returns (no pagination). */
  async list(): Promise<DatasetListItem[]> {
    const all = await this.storage.list<Dataset>('datasets');
    return all.map(({ files: _files, ...item }) => item);
  }

  async update(datasetId: string, params: DatasetUpdateParams): Promise<Dataset> {
    const dataset = await this.retrieve(datasetId);
    if (params.name !== undefined) {
      if (typeof params.name !== 'string' || params.name.trim() === '') throw new BadRequestError('name must be a non-empty string', 'name');
      dataset.name = params.name;
    }
    if (params.description !== undefined) dataset.description = params.description;
    dataset.updated_at = isoNow();
    await this.storage.put('datasets', datasetId, dataset);
    return dataset;
  }

  async delete(datasetId: string): Promise<void> {
    await this.retrieve(datasetId);
    if (this.inUse(datasetId)) throw new ConflictError('dataset is used by a job that has not finished', 'dataset_id');
    const content = await this.storage.get<DatasetContent>('dataset_contents', datasetId);
    await this.storage.delete('datasets', datasetId);
    await this.storage.delete('dataset_contents', datasetId);
    for (const f of content?.files ?? []) if (f.chunked.whole) await releaseSpooled(f.chunked.whole);
  }

  async listFiles(datasetId: string): Promise<DatasetFile[]> {
    return (await this.retrieve(datasetId)).files;
  }

  async listFolders(datasetId: string): Promise<string[]> {
    const content = await this.content(datasetId);
    return [...new Set(content.files.map((f) => f.folder).filter((f): f is string => f !== null))];
  }

  /** Internal: the parsed content a job runs over. */
  async content(datasetId: string): Promise<DatasetContent> {
    const content = await this.storage.get<DatasetContent>('dataset_contents', datasetId);
    if (!content) throw new NotFoundError(`dataset ${quoteValue(String(datasetId))} not found`, 'dataset_id');
    return content;
  }

  private async collectUploads(params: DatasetCreateWithFilesParams): Promise<Array<UploadedFile & { folder: string | null }>> {
    if (params.dataset_type === 'SINGLE_FILE') {
      if (params.file === undefined) throw new BadRequestError('file is required for SINGLE_FILE datasets', 'file');
      return [{ ...readUpload(params.file, 'file'), folder: null }];
    }
    const files = params.files;
    if (!Array.isArray(files) || files.length === 0) throw new BadRequestError(`files is required for ${params.dataset_type} datasets`, 'files');
    if (files.length > 1000) throw new BadRequestError('files: at most 1000 files', 'files');
    if (params.dataset_type === 'MULTI_FOLDER') {
      const folders = params.folder_names;
      if (!Array.isArray(folders) || folders.length !== files.length || folders.some((f) => typeof f !== 'string' || f === '')) {
        throw new BadRequestError('folder_names must give a folder for each entry of files', 'folder_names');
      }
      if (new Set(folders).size < 2) throw new BadRequestError('MULTI_FOLDER datasets need at least 2 folders', 'folder_names');
    }
    return files.map((f, i) => ({
      ...readUpload(f, `files[${i}]`),
      folder: params.dataset_type === 'MULTI_FOLDER' ? params.folder_names![i]! : null,
    }));
  }
}

/** The uploads read and cut into chunks, one file after the other, so one file's text is held at a time. */
async function buildContent(
  type: DatasetType,
  uploads: ReadonlyArray<UploadedFile & { folder: string | null }>,
  csvHeaders: string[] | undefined,
  chunkRecords: number,
): Promise<DatasetContent> {
  const allowed = type === 'SINGLE_FILE' ? SINGLE_FILE_FORMATS : MULTI_FILE_FORMATS;
  const files: DatasetContent['files'] = [];
  for (const [i, u] of uploads.entries()) {
    let chunked: ChunkedFile;
    try {
      chunked = await chunkFile(u.name, u.content, csvHeaders ? { csvHeaders } : undefined, chunkRecords);
    } catch (error) {
      // Reader messages name the format problem, not the content.
      throw new BadRequestError(`file ${quoteValue(u.name)} could not be read: ${(error as Error).message}`, type === 'SINGLE_FILE' ? 'file' : `files[${i}]`);
    }
    if (!allowed.includes(chunked.format)) {
      throw new BadRequestError(
        `file ${quoteValue(u.name)}: ${type} accepts ${allowed.join(', ')} files, not ${chunked.format}`,
        type === 'SINGLE_FILE' ? 'file' : `files[${i}]`,
      );
    }
    const path = u.folder ? `${u.folder}/${u.name}` : u.name;
    files.push({ id: crypto.randomUUID(), path, folder: u.folder, size: u.size, chunked });
  }
  return { dataset_type: type, files, sample_count: sampleGroups({ dataset_type: type, files }).reduce((n, g) => n + g.samples, 0) };
}

/**
 * How a dataset's files make samples, in sample order: a SINGLE_FILE dataset is one group whose
 * every record is a sample; otherwise each non-empty file (MULTI_FILE) or folder (MULTI_FOLDER) is
 * one sample made of all its records.
 */
export function sampleGroups(content: Pick<DatasetContent, 'dataset_type' | 'files'>): SampleGroup[] {
  const { files } = content;
  if (content.dataset_type === 'SINGLE_FILE') {
    const file = files[0]!;
    return [{ kind: 'record', path: file.path, files: [0], samples: recordCount(file.chunked) }];
  }
  if (content.dataset_type === 'MULTI_FILE') {
    return files.flatMap((f, i) => (recordCount(f.chunked) > 0 ? [{ kind: 'file' as const, path: f.path, files: [i], samples: 1 }] : []));
  }
  const byFolder = new Map<string, number[]>();
  files.forEach((f, i) => {
    const members = byFolder.get(f.folder!);
    if (members) members.push(i);
    else byFolder.set(f.folder!, [i]);
  });
  return [...byFolder].flatMap(([folder, members]) =>
    members.some((i) => recordCount(files[i]!.chunked) > 0) ? [{ kind: 'folder' as const, path: folder, files: members, samples: 1 }] : [],
  );
}

export interface SampleGroup {
  /** `record`: each record is a sample; `file`/`folder`: all records of `files` are one sample. */
  kind: 'record' | 'file' | 'folder';
  /** The sample's `file_path`: the file's path, or the folder's name. */
  path: string;
  /** Indices into `DatasetContent.files`. */
  files: number[];
  samples: number;
}
