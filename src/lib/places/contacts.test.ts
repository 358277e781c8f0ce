import { describe, expect, it } from 'vitest';
import { complaintNoteCitesLaw } from './contacts.ts';

describe('complaintNoteCitesLaw', () => {
  it('is true when the editor note names 第三十一条, so the standard sentence is not repeated', () => {
    expect(complaintNoteCitesLaw('……可以向街道办事处反映（村民委员会组织法第三十一条）')).toBe(true);
  });
  it('is false without a note or when the note does not cite the law', () => {
    expect(complaintNoteCitesLaw(undefined)).toBe(false);
    expect(complaintNoteCitesLaw('非工作时间可拨打 12345')).toBe(false);
  });
});
